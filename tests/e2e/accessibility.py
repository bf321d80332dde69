"""The checks `assert_accessible` runs on a page: axe-core and reflow at 320 px.

axe-core comes from npm (tests/e2e/package.json, installed by `make install` with
`npm ci`), so the suite runs the release the lock names, not one bundled in a
Python wrapper.
"""

from pathlib import Path

import pytest

AXE_SCRIPT = (
    Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
)
AXE_VERSION = "4.14."

# axe's default set: every rule that is not experimental, deprecated, AAA or
# WCAG 2.2 (axe leaves those out unless asked). It covers WCAG 2.0/2.1 A and AA
# and the best practices the portal keeps: landmark-unique, region,
# heading-order, page-has-heading-one, landmark-one-main and
# label-content-name-mismatch (WCAG 2.5.3). No default rule is switched off.
# The AAA contrast rule runs on its own in high-contrast mode, which promises it.
AXE_OPTIONS = {"resultTypes": ["violations"]}
ENHANCED_CONTRAST = {
    "runOnly": {"type": "rule", "values": ["color-contrast-enhanced"]},
    "resultTypes": ["violations"],
}

REFLOW_VIEWPORT = {"width": 320, "height": 800}

# Every box whose right edge passes the viewport, outermost only (its children
# would repeat it). WCAG 1.4.10 excuses only content that needs two dimensions:
# the portal's public pages have none; the staff's data tables (statistics,
# listings in the admin) do, and they scroll inside a labelled box that itself
# fits the screen. So a table, or a box inside one, is excused only when such a
# scroll container holds it; nothing else is.
# Boxes hidden from view (zero size, visibility hidden, clipped to nothing by
# .visually-hidden) do not count: they move nothing sideways.
OVERFLOW_SCRIPT = """() => {
    const root = document.scrollingElement;
    const width = root.clientWidth;
    const describe = (el) => {
        const parts = [];
        for (let node = el; node && node !== document.body; node = node.parentElement) {
            let part = node.tagName.toLowerCase();
            if (node.id) { parts.unshift(part + "#" + node.id); break; }
            const classes = [...node.classList].slice(0, 2);
            if (classes.length) part += "." + classes.join(".");
            parts.unshift(part);
        }
        return parts.slice(-4).join(" > ");
    };
    const hidden = (el) => {
        const style = getComputedStyle(el);
        if (style.visibility === "hidden" || style.display === "contents") return true;
        for (let node = el; node; node = node.parentElement) {
            const own = getComputedStyle(node);
            const clipped = own.clip === "rect(0px, 0px, 0px, 0px)";
            if (clipped || own.clipPath === "inset(50%)") return true;
        }
        return false;
    };
    const scrollsItsTable = (el) => {
        const table = el.closest("table");
        if (!table) return false;
        let node = table.parentElement;
        for (; node && node !== document.body; node = node.parentElement) {
            const overflow = getComputedStyle(node).overflowX;
            if (overflow === "auto" || overflow === "scroll") {
                return node.getBoundingClientRect().right <= width + 0.5;
            }
        }
        return false;
    };
    const wide = new Set();
    for (const el of document.body.querySelectorAll("*")) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if (box.right <= width + 0.5) continue;
        if (hidden(el) || scrollsItsTable(el)) continue;
        wide.add(el);
    }
    const outermost = [...wide].filter((el) => !wide.has(el.parentElement));
    return {
        scrollWidth: root.scrollWidth,
        clientWidth: width,
        elements: outermost.slice(0, 15).map((el) => ({
            selector: describe(el),
            right: Math.round(el.getBoundingClientRect().right),
            text: (el.innerText || "").trim().slice(0, 60),
        })),
    };
}"""


def _axe_inject(page):
    if not AXE_SCRIPT.exists():
        pytest.fail(
            f"axe-core is not installed ({AXE_SCRIPT} is missing): run `make install`, "
            "which needs Node.js and npm (`apt-get install nodejs npm`)",
            pytrace=False,
        )
    # Wagtail's admin brings its own, older axe as window.axe: ours replaces it.
    # Evaluated rather than added as a <script>: the portal's Content Security
    # Policy refuses inline scripts without its nonce.
    present = page.evaluate("() => window.axe ? String(window.axe.version) : ''")
    if not present.startswith(AXE_VERSION):
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    version = page.evaluate("() => axe.version")
    assert version.startswith(AXE_VERSION), f"axe-core {version}, expected 4.14"


def _axe_run(page, options):
    return page.evaluate(
        "(options) => axe.run(document, options).then(r => r.violations)", options
    )


def axe_report(url, violations) -> str:
    """One paragraph per broken rule: what it asks, where it fails and why."""
    lines = [f"axe-core found {len(violations)} broken rule(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"\n[{violation['impact']}] {violation['id']}: {violation['help']}"
            f"\n  {violation['helpUrl']}"
        )
        for node in violation["nodes"][:10]:
            target = " ".join(str(part) for part in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", "\n      ")
            lines.append(f"  - {target}\n    {node['html'][:200]}\n      {summary}")
        if len(violation["nodes"]) > 10:
            lines.append(f"  … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


def axe_check(page, *, enhanced_contrast=False):
    # Colours are read as drawn: let fade-ins (the admin's messages) finish.
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running')"
    )
    _axe_inject(page)
    violations = _axe_run(page, AXE_OPTIONS)
    if enhanced_contrast:
        violations += _axe_run(page, ENHANCED_CONTRAST)
    assert not violations, axe_report(page.url, violations)


def reflow_report(url, found) -> str:
    lines = [
        f"{url} scrolls sideways at 320 px: the page is {found['scrollWidth']} px "
        f"wide for {found['clientWidth']} px (WCAG 1.4.10). Boxes past the edge:"
    ]
    for element in found["elements"]:
        lines.append(
            f"  - {element['selector']} (to {element['right']} px) {element['text']!r}"
        )
    return "\n".join(lines)


def reflow_check(page):
    """Narrow the window to 320 px, look for sideways scrolling, widen it back."""
    before = page.viewport_size
    page.set_viewport_size(REFLOW_VIEWPORT)
    try:
        # Let the resize reach layout and any script listening for it.
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
        # Wagtail's header eases its padding when the sidebar folds away at a
        # narrow width: measure the layout at rest, not halfway through.
        page.wait_for_function(
            "() => document.getAnimations().every(a => a.playState !== 'running')"
        )
        found = page.evaluate(OVERFLOW_SCRIPT)
    finally:
        if before:
            page.set_viewport_size(before)
    overflows = found["scrollWidth"] > found["clientWidth"] or found["elements"]
    assert not overflows, reflow_report(page.url, found)
