/**
 * SVG documents that run script or load something when the file is opened,
 * by class: the ones the old regular expressions let through (a namespace
 * prefix, `>` inside an attribute value, foreignObject, entity-encoded
 * schemes, `<set>` on href) and others of the same classes.
 */
const ns = 'xmlns="http://www.w3.org/2000/svg"';
const xlink = 'xmlns:xlink="http://www.w3.org/1999/xlink"';
export const svg = (body: string, attributes = '') => `<svg ${ns} ${xlink}${attributes ? ' ' + attributes : ''} width="10" height="10">${body}</svg>`;

/** Each hostile document, by the class of attack it belongs to. */
export const hostileSvgs: Record<string, string> = {
  'script element': svg('<script>alert(1)</script>'),
  'namespace-prefixed script': `<svg ${ns} xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>`,
  'script in the XHTML namespace': `<svg ${ns} xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>`,
  'script in CDATA': svg('<script><![CDATA[alert(1)]]></script>'),
  'CDATA anywhere': svg('<text><![CDATA[<script>alert(1)</script>]]></text>'),
  'onload after an attribute value holding >': svg('<g data-label="a>b" onload="alert(1)"/>'),
  'onload on the root': `<svg ${ns} onload="alert(1)"/>`,
  'onerror in a namespace': `<svg ${ns} xmlns:e="http://www.w3.org/2001/xml-events"><rect e:onclick="alert(1)"/></svg>`,
  'handler in upper case': svg('<rect ONCLICK="alert(1)"/>'),
  'foreignObject with an iframe srcdoc': svg(
    '<foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"/></foreignObject>',
  ),
  'foreignObject with HTML': svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'),
  'link element': svg('<a href="https://example.com"><text>x</text></a>'),
  'entity-encoded javascript: link': svg('<a href="&#106;avascript:alert(1)"><text>x</text></a>'),
  'entity-encoded javascript: in use': svg('<use href="&#x6A;&#x61;vascript:alert(1)"/>'),
  'javascript: with a tab inside': svg('<use href="java&#9;script:alert(1)"/>'),
  'javascript: in an allowed attribute': svg('<rect fill="&#106;avascript:alert(1)"/>'),
  'xlink:href to javascript:': svg('<use xlink:href="javascript:alert(1)"/>'),
  'xlink:href to another file': svg('<use xlink:href="other.svg#icon"/>'),
  'use with a data: URL': svg('<use href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/>'),
  'image with a data: URL': svg('<image href="data:image/png;base64,AAAA"/>'),
  'data: in a data- attribute': svg('<g data-src="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/>'),
  'set targeting href': svg('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'),
  'animate targeting href': svg('<use href="#a"><animate attributeName="href" values="javascript:alert(1)"/></use>'),
  'set targeting xlink:href on use': svg('<use href="#a"><set attributeName="xlink:href" to="data:x"/></use>'),
  'processing instruction': `<?xml-stylesheet type="text/xsl" href="javascript:alert(1)"?>${svg('')}`,
  'processing instruction inside': svg('<?php echo 1 ?>'),
  'DOCTYPE with an internal entity': `<!DOCTYPE svg [<!ENTITY x "javascript:alert(1)">]>${svg('<use href="&x;"/>')}`,
  'DOCTYPE with an external entity': `<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${svg('<text>&xxe;</text>')}`,
  'DOCTYPE with an external DTD': `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://example.com/evil.dtd">${svg('')}`,
  'style attribute with url(javascript:)': svg('<rect style="fill: url(javascript:alert(1))"/>'),
  'fill with url(javascript:)': svg('<rect fill="url(javascript:alert(1))"/>'),
  'style element with url(javascript:)': svg('<style>rect { fill: url("javascript:alert(1)") }</style>'),
  'style element loading a remote image': svg("<style>rect { background: url('https://example.com/track.png') }</style>"),
  'style element with @import': svg('<style>@import url(#x); rect { fill: red }</style>'),
  'style element with a CSS escape': svg('<style>rect { background: \\75 rl(https://example.com/x) }</style>'),
  'element inside style': svg('<style><g/>rect{}</style>'),
  'unknown attribute': svg('<rect formaction="x"/>'),
  'namespace other than SVG declared': `<svg ${ns} xmlns:h="http://www.w3.org/1999/xhtml"/>`,
  'root not svg': `<g ${ns}/>`,
  'root in no namespace': '<svg><rect/></svg>',
  'not well-formed': svg('<g>'),
  'unknown entity': svg('<text>&nbsp;</text>'),
  'two roots': `${svg('')}${svg('')}`,
  'HTML around an SVG': `<html><body>${svg('')}</body></html>`,
};
