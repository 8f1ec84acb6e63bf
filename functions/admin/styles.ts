/**
 * The admin's one stylesheet: mobile first (a phone, right after the meeting), large touch
 * targets, visible focus, and colours that pass WCAG AA contrast. Served as a file so the
 * Content-Security-Policy can forbid inline styles and scripts. A backslash at the end of a
 * line continues it: the served stylesheet has no line break there.
 */
export const ADMIN_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:100%;\
line-height:1.5;color:#1a1a1a;background:#fff}
body{margin:0}
a{color:#0b4f8a}
a:hover{color:#063257}
:focus-visible{outline:3px solid #b35900;outline-offset:2px}
.skip{position:absolute;left:-999em}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
.top{background:#0b3d66;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem}
.top a,.top .link{color:#fff}
.brand{margin:0;font-weight:700;flex:1}
.brand a{text-decoration:none}
.lang{margin:0}
.top nav{flex-basis:100%;display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem}
.top ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.top li a{display:inline-block;padding:.35rem 0}
.top a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
.sign-out{margin:0}
main{max-width:46rem;margin:0 auto;padding:1rem}
main:focus{outline:none}
h1{font-size:1.6rem;line-height:1.2;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
.field{margin:0 0 1rem}
label,legend{display:block;font-weight:600;margin-bottom:.25rem}
fieldset{border:1px solid #8a8a8a;border-radius:4px;padding:.5rem .75rem .75rem;margin:0 0 1rem}
legend{padding:0 .25rem}
input[type=text],input[type=date],input[type=time],input[type=datetime-local],\
input[type=password],input[type=url],input[type=file],select,textarea{
  display:block;width:100%;font:inherit;padding:.55rem .6rem;border:2px solid #5c5c5c;border-radius:4px;\
background:#fff;color:#1a1a1a;min-height:2.75rem}
textarea{min-height:6rem}
.has-error input,.has-error select,.has-error textarea{border-color:#b00020}
.hint{margin:0 0 .35rem;color:#4a4a4a;font-size:.95rem}
.error{margin:0 0 .35rem;color:#b00020;font-weight:600}
.choice{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .5rem;margin:.25rem 0}
.choice input{width:1.4rem;height:1.4rem;margin:0}
.choice label{margin:0;font-weight:400}
.choice .hint{flex-basis:100%;margin-left:1.9rem}
.row{display:grid;gap:0 .75rem;grid-template-columns:1fr}
@media (min-width:36rem){.row{grid-template-columns:repeat(auto-fit,minmax(10rem,1fr))}}
button,.button{display:inline-block;font:inherit;font-weight:600;padding:.6rem 1.1rem;min-height:2.75rem;\
border-radius:4px;border:2px solid #0b3d66;background:#0b3d66;color:#fff;cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:#fff;color:#0b3d66}
button.danger{background:#a3001b;border-color:#a3001b}
button.link{background:none;border:0;padding:.35rem 0;min-height:0;text-decoration:underline;font-weight:400}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
.error-summary{border:3px solid #b00020;padding:.5rem 1rem;margin:0 0 1rem}
.error-summary h2{margin-top:.25rem}
.nudge{border-left:6px solid #b35900;background:#fff4e5;padding:.5rem 1rem;margin:0 0 1rem}
.flash{border-left:6px solid #1d6b35;background:#e8f5ec;padding:.5rem 1rem}
.secret{font-family:ui-monospace,monospace;font-size:1.05rem;word-break:break-all;background:#f3f3f3;\
padding:.75rem;border:1px solid #8a8a8a}
.badge{display:inline-block;font-size:.85rem;font-weight:600;padding:.05rem .45rem;border-radius:3px;\
border:1px solid currentColor;white-space:nowrap}
.badge-public{color:#14532d;background:#e3f4e8}
.badge-restricted{color:#5c4400;background:#fff3c4}
.badge-private{color:#7a1610;background:#fde6e4}
.badge-withdrawn{color:#1f2937;background:#e5e7eb}
.badge-imported{color:#26336b;background:#e6e9fb}
.badge-published{color:#14532d;background:#e3f4e8}
.badge-draft{color:#1f2937;background:#e5e7eb}
.entries{list-style:none;padding:0;margin:0}
.entries li{border-bottom:1px solid #d0d0d0;padding:.6rem 0}
.entries .when{display:block;color:#4a4a4a;font-size:.95rem}
table{border-collapse:collapse;width:100%;margin:0 0 1rem}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid #d0d0d0}
.table-wrap{overflow-x:auto}
.preview{border:1px dashed #5c5c5c;padding:.5rem 1rem}
.history{padding-left:1.25rem}
.muted{color:#4a4a4a}
.command{white-space:pre-wrap;overflow-wrap:anywhere;background:#f3f3f3;padding:.5rem .75rem;\
border:1px solid #8a8a8a}
.facts dt{font-weight:600}
.facts dd{margin:0 0 .5rem}
.servants{list-style:none;padding:0;margin:0 0 1rem}
.servants li{border-bottom:1px solid #d0d0d0;padding:.6rem 0}
.servants a{font-weight:600}
.servants .slug,.servants .when{color:#4a4a4a;white-space:nowrap}
.servants .role,.servants .when{display:block}
`
