-- A headless Neovim session as a user's: starts `coglint server` for a file, waits for its
-- diagnostics, asks for the hover and the code actions on the COG101 finding, applies the
-- suppression the server offers, and waits for the rescan to drop the finding. It writes what
-- it saw to $COGLINT_OUT for scripts/editors-check.sh to check.
--
-- Written for Neovim 0.7 (Debian bookworm): `vim.lsp.start_client` and `buf_attach_client`
-- (`vim.lsp.start` came with 0.8).
--
--   COGLINT_BIN=target/debug/coglint COGLINT_FILE=path/template.yaml COGLINT_OUT=out.txt \
--     nvim --headless --clean -c 'luafile editors/neovim/check.lua'

local bin = os.getenv("COGLINT_BIN")
local file = os.getenv("COGLINT_FILE")
local out_path = os.getenv("COGLINT_OUT")
local out = {}

local function finish(status)
  table.insert(out, "status " .. status)
  vim.fn.writefile(out, out_path)
  vim.cmd("qall!")
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "coglint",
  cmd = { bin, "server" },
  root_dir = vim.fn.fnamemodify(file, ":p:h"),
})
if not client_id then
  return finish("no-client")
end
vim.lsp.buf_attach_client(buf, client_id)

local function code_of(d)
  if d.code then
    return d.code
  end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code or "?"
end

local function find(code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code_of(d) == code then
      return d
    end
  end
  return nil
end

if not vim.wait(30000, function() return find("COG101") ~= nil end, 50) then
  return finish("no-diagnostics")
end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local message = d.message:gsub("\n.*", "")
  table.insert(out, string.format("diagnostic %d:%d %s %s", d.lnum + 1, d.col + 1, code_of(d), message))
end

local mfa = find("COG101")
local position = { line = mfa.lnum, character = mfa.col }
local uri = vim.uri_from_bufnr(buf)
local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
  textDocument = { uri = uri },
  position = position,
}, 10000)
for _, response in pairs(hover or {}) do
  local contents = response.result and response.result.contents
  if contents and contents.value then
    table.insert(out, "hover " .. vim.split(contents.value, "\n")[1])
  end
end

local actions = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
  textDocument = { uri = uri },
  range = { start = position, ["end"] = position },
  context = { diagnostics = {} },
}, 10000)
local chosen = nil
for _, response in pairs(actions or {}) do
  for _, action in ipairs(response.result or {}) do
    table.insert(out, "action " .. action.title)
    if action.title == "Suppress COG101 here" then
      chosen = action
    end
  end
end
if not chosen then
  return finish("no-suppression")
end
vim.lsp.util.apply_workspace_edit(chosen.edit, "utf-16")
table.insert(out, "edited " .. vim.api.nvim_buf_get_lines(buf, mfa.lnum, mfa.lnum + 1, false)[1])
if not vim.wait(30000, function() return find("COG101") == nil end, 50) then
  return finish("still-reported")
end
table.insert(out, "suppressed")
finish("ok")
