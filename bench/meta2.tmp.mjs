import { build } from 'esbuild'
const r = await build({ entryPoints: [process.argv[2]], bundle: true, minify: true, format: 'esm', platform: 'node', target: 'node24', mainFields: ['module', 'main'], write: false, metafile: true, outfile: '/tmp/lb/x.mjs', logLevel: 'error' })
const out = Object.values(r.metafile.outputs)[0]
const re = new RegExp(process.argv[3])
console.log(Object.entries(out.inputs).filter(([f]) => re.test(f)).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).map(([f, v]) => `${v.bytesInOutput}\t${f}`).join('\n'))
