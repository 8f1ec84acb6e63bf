// Stops DynamoDB Local when the process that started it is gone, however it died (a crash or
// SIGKILL leaves no chance to clean up). Usage: node reaper.mjs <parentPid> <childPid>
const [parentPid, childPid] = process.argv.slice(2).map(Number)
const alive = (pid) => { try { process.kill(pid, 0); return true } catch { return false } }
setInterval(() => {
  if (!alive(childPid)) process.exit(0)
  if (!alive(parentPid)) {
    try { process.kill(childPid, 'SIGTERM') } catch {}
    setTimeout(() => { try { process.kill(childPid, 'SIGKILL') } catch {} process.exit(0) }, 2000)
  }
}, 500)
