#!/bin/sh
# Speaks a protocol version this Rehearse does not know.
read -r hello
echo '{"type":"hello","protocol":99,"name":"future","features":[]}'
while read -r line; do :; done
