#!/bin/sh
# Greets, then never answers in time.
read -r hello
echo '{"type":"hello","protocol":1,"name":"slow","features":[{"name":"done","type":"bool"}]}'
while read -r line; do sleep 30; done
