import { readdirSync, readFileSync, readlinkSync } from 'node:fs'

/** A TCP socket in the listening state, as the kernel reports it in /proc/net/tcp and tcp6. */
export interface ListeningSocket {
  pid: number
  address: string
  port: number
}

/** `pid` and every process below it (Linux /proc). */
export function processTree(pid: number): number[] {
  const parents = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      // The command name in parentheses may hold spaces: the fields after it are fixed.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      /* exited meanwhile */
    }
  }
  const tree = [pid]
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child)
  return tree
}

/** The listening TCP sockets the given processes hold open, with the address each is bound to. */
export function listeningSockets(pids: number[]): ListeningSocket[] {
  const owners = new Map<string, number>()
  for (const pid of pids) {
    let fds: string[] = []
    try {
      fds = readdirSync(`/proc/${pid}/fd`)
    } catch {
      continue
    }
    for (const fd of fds) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1]
        if (inode) owners.set(inode, pid)
      } catch {
        /* closed meanwhile */
      }
    }
  }
  const sockets: ListeningSocket[] = []
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
      const [, local, , state, , , , , , inode] = line.trim().split(/\s+/)
      const pid = owners.get(inode!)
      if (state !== '0A' || pid === undefined) continue
      const [hex, port] = local!.split(':')
      sockets.push({ pid, address: decodeAddress(hex!), port: parseInt(port!, 16) })
    }
  }
  return sockets
}

/** /proc/net writes addresses as 32-bit words in host (little-endian) byte order. */
function decodeAddress(hex: string): string {
  const bytes = hex.match(/.{8}/g)!.flatMap((word) =>
    word
      .match(/../g)!
      .reverse()
      .map((b) => parseInt(b, 16)),
  )
  if (bytes.length === 4) return bytes.join('.')
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff)
    return `::ffff:${bytes.slice(12).join('.')}`
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i]! << 8) | bytes[2 * i + 1]!).toString(16))
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::')
}

/** 127.0.0.0/8, ::1, and IPv4 loopback mapped into IPv6 (how Java reports a socket bound to 127.0.0.1). */
export function isLoopback(address: string): boolean {
  return /^(::ffff:)?127\./.test(address) || address === '::1'
}
