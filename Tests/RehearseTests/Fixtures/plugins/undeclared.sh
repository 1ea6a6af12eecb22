#!/bin/sh
# Sends a feature its greeting did not declare.
read -r hello
echo '{"type":"hello","protocol":1,"name":"sloppy","features":[{"name":"done","type":"bool"}]}'
while read -r line; do
  id=$(printf '%s' "$line" | sed -n 's/.*"id":\([0-9][0-9]*\).*/\1/p')
  echo "{\"type\":\"analysis\",\"id\":$id,\"features\":{\"surprise\":3}}"
done
