#!/bin/sh
# A plugin that leaves a child behind (its pid written to the file named by $1) and whose reasons
# carry terminal control sequences: its child must go when it goes, and its text must be shown inert.
sleep 333 &
echo $! > "$1"
read -r hello
echo '{"type":"hello","protocol":1,"name":"forks","version":"1.0","features":[{"name":"loud","type":"bool"}],"followups":["calm_down"]}'
while read -r line; do
  id=$(printf '%s' "$line" | sed -n 's/.*"id":\([0-9][0-9]*\).*/\1/p')
  echo "{\"type\":\"analysis\",\"id\":$id,\"features\":{\"loud\":true},\"followup\":\"calm_down\",\"reason\":\"\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202eloud\"}"
done
