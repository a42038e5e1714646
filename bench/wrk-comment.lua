-- POSTs the story's comment form, each request with a token of its own (read from BENCH_TOKENS, one per line, fetched
-- from /comments/token beforehand) so the run measures posting, not the refusal of a reused token. Once the tokens
-- run out they are reused and refused (400), which counts as errors.
dofile(os.getenv("BENCH_LUA_DIR") .. "/wrk-report.lua")

local threads = 0
setup = function(thread)
    thread:set("id", threads)
    threads = threads + 1
end

local tokens = {}
local sent = 0
init = function(args)
    for line in io.lines(os.getenv("BENCH_TOKENS")) do
        if #line > 0 then tokens[#tokens + 1] = line end
    end
end

request = function()
    -- Each thread takes every n-th token, so two threads never send the same one.
    local index = (sent * tonumber(os.getenv("BENCH_THREADS")) + id) % #tokens + 1
    sent = sent + 1
    local body = "Form.ArticleId=" .. os.getenv("BENCH_ARTICLE") .. "&Form.Token=" .. tokens[index]
        .. "&Form.Name=Bench+Reader&Form.Email=reader" .. id .. "x" .. sent .. "%40example.org"
        .. "&Form.Text=A+comment+from+the+benchmark%2C+about+the+story+and+nothing+else.&Form.Consent=true&Form.Extra="
    return wrk.format("POST", "/comments/post?lang=" .. os.getenv("BENCH_LANG"),
        { ["Content-Type"] = "application/x-www-form-urlencoded", ["Accept-Encoding"] = "gzip" }, body)
end
