-- Prints one machine-readable line after a wrk run: requests/s, p50 and p99 latency in ms, and errors (socket
-- errors plus responses other than 2xx/3xx). bench/run turns these lines into the Markdown table.
done = function(summary, latency, requests)
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
    io.write(string.format("RESULT %.1f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
