#!/bin/sh
# Recommends two follow-ups, most important first.
read -r hello
echo '{"type":"hello","protocol":1,"name":"ranked","version":"1.0","features":[{"name":"loud","type":"bool"}],"followups":["calm_down","slow_down"]}'
while read -r line; do
  id=$(printf '%s' "$line" | sed -n 's/.*"id":\([0-9][0-9]*\).*/\1/p')
  echo "{\"type\":\"analysis\",\"id\":$id,\"features\":{\"loud\":true},\"followups\":[\"slow_down\",\"calm_down\"],\"reason\":\"too fast, then too loud\"}"
done
