# Shared by kafka.sh and tamroi.sh: a process known by its pid file and a mark in its command line,
# so a stale pid file that now names some other process is never taken for ours.

# Prints the pid when the process in PID_FILE is running and its command line contains MARK.
running_pid_of() {
    local pid_file="$1" mark="$2" pid
    [[ -f "$pid_file" ]] || return 1
    pid="$(cat "$pid_file")"
    [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$mark" || return 1
    echo "$pid"
}

# Stops NAME gently (SIGTERM lets it flush and close cleanly), and kills it after 30 s.
stop_process() {
    local name="$1" pid_file="$2" mark="$3" pid
    if ! pid="$(running_pid_of "$pid_file" "$mark")"; then
        echo "$name is not running"
        rm -f "$pid_file"
        return 0
    fi
    kill -TERM "$pid"
    local waited=0
    while kill -0 "$pid" 2>/dev/null; do
        if (( waited >= 300 )); then
            echo "$name (pid $pid) ignored SIGTERM for 30s; killing it" >&2
            kill -KILL "$pid" 2>/dev/null || true
            break
        fi
        sleep 0.1
        waited=$(( waited + 1 ))
    done
    rm -f "$pid_file"
    echo "$name stopped"
}
