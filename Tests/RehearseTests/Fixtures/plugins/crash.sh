#!/bin/sh
# Greets, then exits on the first request.
read -r hello
echo '{"type":"hello","protocol":1,"name":"crashy","features":[{"name":"done","type":"bool"}]}'
read -r line
echo "something went badly wrong" >&2
exit 3
