import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sanitize } from "../src/sanitiser.js";

// A stand-in for the page's DOM, just enough for the sanitiser: a small HTML parser into nodes with
// nodeType, tagName, getAttribute and childNodes, a document that creates elements, and a
// serialiser to compare the result as markup.
const VOID = new Set([
  "AREA",
  "BASE",
  "BR",
  "COL",
  "EMBED",
  "HR",
  "IMG",
  "INPUT",
  "LINK",
  "META",
  "SOURCE",
]);
const RAW_TEXT = new Set(["SCRIPT", "STYLE"]);
const PROPERTIES = { href: "href", target: "target", rel: "rel", tabIndex: "tabindex" };

class Element {
  constructor(tagName) {
    this.nodeType = 1;
    this.tagName = tagName.toUpperCase();
    this.attributes = new Map();
    this.childNodes = [];
    for (const [property, attribute] of Object.entries(PROPERTIES)) {
      Object.defineProperty(this, property, {
        set: (value) => this.setAttribute(attribute, String(value)),
      });
    }
  }
  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }
  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }
  append(child) {
    this.childNodes.push(typeof child === "string" ? { nodeType: 3, data: child } : child);
  }
}

function decode(text) {
  const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", colon: ":", Tab: "\t" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, ref) =>
    ref[0] !== "#"
      ? (named[ref] ?? all)
      : String.fromCodePoint(
          ref[1].toLowerCase() === "x" ? parseInt(ref.slice(2), 16) : +ref.slice(1),
        ),
  );
}

function parse(html) {
  const body = new Element("body");
  const open = [body];
  const token =
    /<!--[\s\S]*?-->|<\/([a-z][\w-]*)\s*>|<([a-z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|[^<]+|</gi;
  let m;
  while ((m = token.exec(html))) {
    const top = open[open.length - 1];
    if (m[0].startsWith("<!--")) continue;
    if (m[1]) {
      const at = open.map((e) => e.tagName).lastIndexOf(m[1].toUpperCase());
      if (at > 0) open.length = at;
    } else if (m[2]) {
      const el = new Element(m[2]);
      for (const a of m[3].matchAll(
        /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g,
      )) {
        el.setAttribute(a[1].toLowerCase(), decode(a[2] ?? a[3] ?? a[4] ?? ""));
      }
      top.append(el);
      if (RAW_TEXT.has(el.tagName)) {
        const end = html.toLowerCase().indexOf("</" + m[2].toLowerCase(), token.lastIndex);
        const stop = end < 0 ? html.length : end;
        el.append(html.slice(token.lastIndex, stop));
        token.lastIndex = stop;
      } else if (!VOID.has(el.tagName)) {
        open.push(el);
      }
    } else {
      top.append(decode(m[0]));
    }
  }
  return body;
}

const dom = {
  parse,
  document: {
    createElement: (tag) => new Element(tag),
    createDocumentFragment: () => new Element("#fragment"),
  },
};

function serialise(node) {
  if (node.nodeType === 3) return node.data.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const inner = node.childNodes.map(serialise).join("");
  if (node.tagName === "#FRAGMENT") return inner;
  const tag = node.tagName.toLowerCase();
  const attrs = [...node.attributes].map(
    ([k, v]) => " " + k + '="' + v.replace(/"/g, "&quot;") + '"',
  );
  return "<" + tag + attrs.join("") + ">" + inner + "</" + tag + ">";
}

const BASE = new URL("https://help.example.com/");
const clean = (html) => serialise(sanitize(html, BASE, dom));

describe("sanitize", () => {
  it("keeps the markup Markdown makes", () => {
    assert.equal(
      clean(
        "<p>Press <strong>Ctrl</strong>+<em>Alt</em>, then <code>gpupdate</code>.<br></p>" +
          "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>quote</p></blockquote><hr>" +
          "<p><del>old</del> <kbd>Esc</kbd> x<sup>2</sup></p>",
      ),
      "<p>Press <strong>Ctrl</strong>+<em>Alt</em>, then <code>gpupdate</code>.<br></br></p>" +
        "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>quote</p></blockquote><hr></hr>" +
        "<p><del>old</del> <kbd>Esc</kbd> x<sup>2</sup></p>",
    );
  });

  it("keeps the marks around matched words in a snippet", () => {
    assert.equal(
      clean("Reset your <mark>VPN</mark> &amp; <mark>password</mark>"),
      "Reset your <mark>VPN</mark> &amp; <mark>password</mark>",
    );
  });

  it("puts headings below the panel's own h2 and h3", () => {
    assert.equal(
      clean("<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h5>e</h5><h6>f</h6>"),
      "<h4>a</h4><h4>b</h4><h5>c</h5><h6>d</h6><h6>e</h6><h6>f</h6>",
    );
  });

  it("makes wide code and tables focusable and keeps only sound table attributes", () => {
    assert.equal(
      clean(
        '<pre><code>long line</code></pre><table><tr><th scope="col">h</th>' +
          '<th scope="javascript:x">i</th><td colspan="2" rowspan="1000">d</td></tr></table>',
      ),
      '<pre tabindex="0"><code>long line</code></pre><table tabindex="0"><tr><th scope="col">h</th>' +
        '<th>i</th><td colspan="2">d</td></tr></table>',
    );
  });

  it("drops scripts, styles, frames, images, forms and embedded documents with what they hold", () => {
    assert.equal(
      clean(
        "<p>a<script>alert(1)</script>b</p><style>p{color:red}</style>" +
          '<img src="x" onerror="alert(1)"><iframe src="https://evil.example/"></iframe>' +
          '<svg><a href="https://evil.example/">svg</a></svg><math><mi>x</mi></math>' +
          '<form action="https://evil.example/"><input name="q"><button>Go</button></form>' +
          "<object data=x></object><embed src=x><template><p>t</p></template>" +
          "<noscript>n</noscript><video src=x></video><base href=https://evil.example/>" +
          '<link rel="stylesheet" href="x"><meta http-equiv="refresh" content="0">',
      ),
      "<p>ab</p>",
    );
  });

  it("removes every attribute outside the allowlist", () => {
    assert.equal(
      clean(
        '<p onclick="alert(1)" style="background:url(javascript:x)" class="x" id="main" ' +
          'onmouseover="alert(2)">text</p><span title="t" data-x="1">s</span>',
      ),
      "<p>text</p><span>s</span>",
    );
  });

  it("unwraps unknown elements and keeps their text", () => {
    assert.equal(
      clean("<section><custom-card><font color=red>kept</font></custom-card></section>"),
      "kept",
    );
  });

  it("opens http(s) links in a new tab without the opener, relative ones on the bot", () => {
    assert.equal(
      clean('<a href="https://example.com/x" onclick="alert(1)">ok</a> <a href="/kb/vpn">kb</a>'),
      '<a href="https://example.com/x" target="_blank" rel="noopener noreferrer">ok</a> ' +
        '<a href="https://help.example.com/kb/vpn" target="_blank" rel="noopener noreferrer">kb</a>',
    );
  });

  it("turns links to anything but http(s) into their text", () => {
    assert.equal(
      clean(
        '<a href="javascript:alert(1)">a</a><a href="JAVASCRIPT:alert(1)">b</a>' +
          '<a href="jav&#x09;ascript:alert(1)">c</a><a href="&#106;avascript:alert(1)">d</a>' +
          '<a href="data:text/html,<script>alert(1)</script>">e</a><a href="#top">f</a>' +
          '<a href="vbscript:x">g</a><a>h</a><a href="mailto:it@example.com">i</a>',
      ),
      "abcdefghi",
    );
  });

  it("keeps markup-looking text as text", () => {
    assert.equal(clean("&lt;img src=x onerror=alert(1)&gt;"), "&lt;img src=x onerror=alert(1)>");
  });

  it("turns nothing into nothing", () => {
    assert.equal(clean(null), "");
    assert.equal(clean(undefined), "");
    assert.equal(clean(""), "");
  });
});
