#!/bin/sh
# Greets, then answers with something that is not JSON.
read -r hello
echo '{"type":"hello","protocol":1,"name":"garbage","features":[{"name":"done","type":"bool"}]}'
while read -r line; do echo 'this is not json'; done
