// The widget's CSS, adopted by its shadow root: the page's CSS and the widget's never mix. Every
// colour, size and font is a --tz-* custom property a page can set (widget/README.md, Theming).
export const STYLE = `
:host{--tz-accent:#0b57d0;--tz-accent-text:#fff;--tz-bg:#fff;--tz-text:#1b1b1b;--tz-muted:#4a4a4a;
--tz-bot-bg:#eef1f5;--tz-border:#c4c7cc;--tz-mark:#fff3b0;--tz-error:#b3261e;--tz-radius:12px;
--tz-font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--tz-z:2147483000;--tz-width:24rem;
font:16px/1.45 var(--tz-font);color:var(--tz-text)}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.tz-root{position:fixed;inset-block-end:1rem;inset-inline-end:1rem;z-index:var(--tz-z);display:flex;
flex-direction:column;align-items:flex-end;gap:.75rem;max-width:calc(100vw - 2rem)}
.tz-root.tz-left{inset-inline-end:auto;inset-inline-start:1rem;align-items:flex-start}
button,input{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:3px solid var(--tz-accent);outline-offset:2px}
.tz-sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.tz-launcher{display:inline-flex;align-items:center;gap:.5rem;min-height:3rem;padding:.6rem 1.1rem;border:0;
border-radius:999px;background:var(--tz-accent);color:var(--tz-accent-text);font-weight:600;
box-shadow:0 4px 14px rgba(0,0,0,.25)}
svg{width:1.25rem;height:1.25rem;fill:currentColor;flex:none}
.tz-panel{display:flex;flex-direction:column;width:min(var(--tz-width),calc(100vw - 2rem));
height:min(36rem,calc(100vh - 6rem));background:var(--tz-bg);color:var(--tz-text);border:1px solid var(--tz-border);
border-radius:var(--tz-radius);box-shadow:0 8px 28px rgba(0,0,0,.28);overflow:hidden}
.tz-header{flex:none;display:flex;flex-wrap:wrap;align-items:center;gap:.4rem;padding:.5rem .6rem .5rem 1rem;
background:var(--tz-accent);color:var(--tz-accent-text)}
.tz-header h2{flex:1 1 0;min-width:5rem;margin:0;font-size:1.05rem}
.tz-header button{background:transparent;color:inherit;border:1px solid currentColor;border-radius:999px;
padding:.25rem .7rem;font-size:.875rem;min-height:2.25rem}
.tz-header .tz-close{border-color:transparent;padding:.25rem .5rem;display:inline-flex;align-items:center}
.tz-header :focus-visible{outline-color:var(--tz-accent-text)}
.tz-body{position:relative;flex:1 1 auto;overflow-y:auto;padding:.75rem}
.tz-messages{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:.6rem}
.tz-msg{max-width:92%;padding:.5rem .75rem;border-radius:var(--tz-radius);overflow-wrap:anywhere}
.tz-msg p{margin:0}
.tz-bot{align-self:flex-start;background:var(--tz-bot-bg);border-end-start-radius:4px}
.tz-user{align-self:flex-end;background:var(--tz-accent);color:var(--tz-accent-text);border-end-end-radius:4px}
.tz-user.tz-failed{background:var(--tz-bg);color:var(--tz-text);border:2px solid var(--tz-error)}
.tz-error{color:var(--tz-error);font-size:.875rem;margin:.3rem 0 0}
.tz-cards{list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-direction:column;gap:.5rem}
.tz-card{background:var(--tz-bg);border:1px solid var(--tz-border);border-radius:8px;padding:.5rem .6rem}
.tz-card h3{margin:0 0 .2rem;font-size:1rem}
.tz-snippet{font-size:.875rem;color:var(--tz-muted)}
mark{background:var(--tz-mark);color:#1b1b1b}
.tz-actions{display:flex;flex-wrap:wrap;gap:.4rem .8rem;align-items:center;margin-top:.4rem;font-size:.875rem}
.tz-btn{background:var(--tz-bg);color:var(--tz-accent);border:1px solid var(--tz-accent);border-radius:999px;
padding:.3rem .8rem;min-height:2.25rem}
.tz-btn:hover{background:var(--tz-accent);color:var(--tz-accent-text)}
.tz-btn:disabled{opacity:.55;cursor:not-allowed;background:var(--tz-bg);color:var(--tz-accent)}
a{color:var(--tz-accent)}
.tz-options{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:.5rem}
.tz-tickets{margin:.25rem 0 0;padding-inline-start:1.1rem}.tz-my-tickets h3{font-size:inherit;margin:.5rem 0 0}
.tz-rate{display:flex;gap:.3rem;align-items:center;margin-top:.4rem;font-size:.875rem}
.tz-rate button{display:inline-flex;align-items:center;justify-content:center;width:2.25rem;height:2.25rem;padding:0}
.tz-rate button[aria-pressed=true]{background:var(--tz-accent);color:var(--tz-accent-text)}
.tz-down svg{transform:rotate(180deg)}
.tz-typing{align-self:flex-start;display:flex;gap:.25rem;padding:.7rem .8rem;background:var(--tz-bot-bg);border-radius:var(--tz-radius)}
.tz-typing span{width:.45rem;height:.45rem;border-radius:50%;background:var(--tz-muted);animation:tz-blink 1.2s infinite}
.tz-typing span:nth-child(2){animation-delay:.2s}.tz-typing span:nth-child(3){animation-delay:.4s}
@keyframes tz-blink{0%,80%,100%{opacity:.25}40%{opacity:1}}
@media (prefers-reduced-motion:reduce){.tz-typing span{animation:none;opacity:.7}}
.tz-article h3{margin:.6rem 0 .4rem;font-size:1.15rem}
.tz-article h4,.tz-article h5,.tz-article h6{margin:.8rem 0 .3rem;font-size:1rem}
.tz-article pre{overflow:auto;background:var(--tz-bot-bg);padding:.5rem;border-radius:6px}
.tz-article code{background:var(--tz-bot-bg)}
.tz-article table{border-collapse:collapse;display:block;overflow-x:auto}
.tz-article td,.tz-article th{border:1px solid var(--tz-border);padding:.2rem .4rem}
.tz-composer{position:relative;display:flex;gap:.4rem;padding:.6rem;border-top:1px solid var(--tz-border)}
.tz-composer input{flex:1 1 auto;min-width:0;padding:.5rem .7rem;border:1px solid #767676;border-radius:999px;background:var(--tz-bg)}
.tz-send{background:var(--tz-accent);color:var(--tz-accent-text);border:0;border-radius:999px;padding:.5rem 1rem}
.tz-suggest{position:absolute;inset-inline:.6rem;inset-block-end:calc(100% - .2rem);margin:0;padding:.25rem 0;list-style:none;
background:var(--tz-bg);border:1px solid var(--tz-border);border-radius:8px;box-shadow:0 4px 14px rgba(0,0,0,.18);max-height:12rem;overflow-y:auto}
.tz-suggest li{padding:.4rem .7rem;cursor:pointer}
.tz-suggest li[aria-selected=true],.tz-suggest li:hover{background:var(--tz-bot-bg);outline:2px solid var(--tz-accent);outline-offset:-2px}
.tz-form{display:flex;flex-direction:column;gap:.4rem;margin-top:.5rem}
.tz-field{display:flex;flex-direction:column;gap:.15rem}
.tz-form label{font-size:.875rem}
.tz-form input[type=text],.tz-form input[type=email]{padding:.4rem .5rem;border:1px solid #767676;border-radius:6px;background:var(--tz-bg)}
.tz-check{display:flex;gap:.4rem;align-items:flex-start}
@media (max-width:30rem){.tz-root.tz-open{inset:0;max-width:none}.tz-open .tz-launcher{display:none}
.tz-open .tz-panel{width:100%;height:100%;border-radius:0;border:0}}
`;
