#!/bin/sh
# A minimal plugin in shell: greets, then answers every request; notes each one on stderr (the log).
read -r hello
echo '{"type":"hello","protocol":1,"name":"shout","version":"2.0","features":[{"name":"loud","type":"bool"},{"name":"marks","type":"number"}],"followups":["calm_down"]}'
while read -r line; do
  id=$(printf '%s' "$line" | sed -n 's/.*"id":\([0-9][0-9]*\).*/\1/p')
  echo "request $id received" >&2
  case "$line" in
    *'!'*) echo "{\"type\":\"analysis\",\"id\":$id,\"features\":{\"loud\":true,\"marks\":1},\"followup\":\"calm_down\",\"reason\":\"an exclamation mark\"}" ;;
    *) echo "{\"type\":\"analysis\",\"id\":$id,\"features\":{\"loud\":false,\"marks\":0}}" ;;
  esac
done
