// A core file that reaches for what its layer may not use.
import Synchronization
@_exported import Glibc
import struct BuiltInAnalyzers.STARAnalyzer

// import Foundation (a comment is not an import)
let note = "import CLibXML2 in a string is not one either"
	import	Darwin
/* a block comment
import Foundation
   /* nested */ import Foundation
*/
let text = """
import Foundation
"""
