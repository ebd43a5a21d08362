#!/bin/sh
# expect_exit.sh CODE COMMAND [ARGS...]: runs the command and passes when it exits with CODE.
# Its stderr is shown, so a test log says what the user would have read.
want="$1"; shift
"$@"
got=$?
if [ "$got" -ne "$want" ]; then
  echo "expected exit code $want, got $got" >&2
  exit 1
fi
echo "exit code $got as expected"
exit 0
