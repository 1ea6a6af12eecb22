// SystemIO — the one library layer that calls the operating system for files and processes.
//
// Reading a whole file within a size limit (`FileBytes`), writing files atomically and exclusively
// (`FileWriting`), path arithmetic, and starting child processes. Depends on no other target.
