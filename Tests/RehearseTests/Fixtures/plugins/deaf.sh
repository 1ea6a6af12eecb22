#!/bin/sh
# Greets, then stops reading its input: a long answer fills the pipe.
read -r hello
echo '{"type":"hello","protocol":1,"name":"deaf","features":[{"name":"done","type":"bool"}]}'
sleep 30
