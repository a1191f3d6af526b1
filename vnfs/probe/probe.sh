#!/bin/sh
# Placeholder probe VNF: prints its arguments and exits. A later step replaces it with the real probe.
echo "probe: $*"
