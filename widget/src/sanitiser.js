/*
 * The two HTML inputs (a reply's snippet and an article's body) rebuilt from an allowlist: nothing
 * reaches innerHTML, and links go only to http(s).
 */

// Article HTML is sanitised by the bot already; rebuilding it from an allowlist here means a
// compromised or misconfigured server still cannot run script in the host page.
const KEEP = new Set(
  "P BR HR UL OL LI A STRONG B EM I CODE PRE BLOCKQUOTE TABLE THEAD TBODY TR TH TD MARK KBD DL DT DD SUP SUB DEL S SPAN DIV H1 H2 H3 H4 H5 H6".split(
    " ",
  ),
);
const DROP = new Set(
  "SCRIPT STYLE IFRAME FRAME OBJECT EMBED TEMPLATE SVG MATH NOSCRIPT FORM INPUT TEXTAREA SELECT BUTTON LINK META BASE IMG PICTURE VIDEO AUDIO SOURCE CANVAS".split(
    " ",
  ),
);
// Node.TEXT_NODE and Node.ELEMENT_NODE, by value: the same in any DOM, the page's or a test's.
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The page's HTML parser and document; the unit tests pass a stand-in with the same methods. */
function pageDom() {
  return {
    parse: (html) => new DOMParser().parseFromString(html, "text/html").body,
    document,
  };
}

/** A fragment of html's allowed elements and text; relative links resolve against base. */
export function sanitize(html, base, dom = pageDom()) {
  const out = dom.document.createDocumentFragment();
  copyAllowed(dom.parse(String(html || "")), out, base, dom.document);
  return out;
}

function copyAllowed(from, to, base, document) {
  for (const node of from.childNodes) {
    if (node.nodeType === TEXT_NODE) {
      to.append(node.data);
    } else if (node.nodeType === ELEMENT_NODE && !DROP.has(node.tagName)) {
      if (!KEEP.has(node.tagName)) {
        copyAllowed(node, to, base, document);
        continue;
      }
      // The panel's own headings are h2 (title) and h3 (article): the body's start below them.
      const level = /^H([1-6])$/.exec(node.tagName);
      const el = document.createElement(
        level ? "h" + Math.min(6, Math.max(4, +level[1] + 2)) : node.tagName,
      );
      if (node.tagName === "A") {
        const href = safeUrl(node.getAttribute("href"), base);
        if (!href) {
          copyAllowed(node, to, base, document);
          continue;
        }
        el.href = href;
        el.target = "_blank";
        el.rel = "noopener noreferrer";
      }
      for (const name of ["colspan", "rowspan"]) {
        const value = node.getAttribute(name);
        if (/^\d{1,3}$/.test(value || "")) el.setAttribute(name, value);
      }
      // Wide code and tables scroll sideways: focusable, so the keyboard can scroll them too.
      if (node.tagName === "PRE" || node.tagName === "TABLE") el.tabIndex = 0;
      if (node.tagName === "TH" && /^(row|col)(group)?$/.test(node.getAttribute("scope") || "")) {
        el.setAttribute("scope", node.getAttribute("scope"));
      }
      copyAllowed(node, el, base, document);
      to.append(el);
    }
  }
}

/** An absolute http(s) URL, or null: no javascript:, data: or same-page fragments. */
export function safeUrl(href, base) {
  if (!href || href.startsWith("#")) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch (e) {
    return null;
  }
}
