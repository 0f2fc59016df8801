#!/bin/bash
# run80.sh DIR CMD... : run in an 80x500 tmux window, print the pane
s=t$$; cd "$1"; shift
tmux new-session -d -s $s -x 80 -y 50 "export PATH=/tmp/officer3/.venv/bin:\$PATH; $* ; echo RC=\$?; sleep 30"
tmux set-option -t $s history-limit 5000 >/dev/null
sleep ${WAIT:-6}
tmux capture-pane -p -S -5000 -t $s | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
tmux kill-session -t $s
