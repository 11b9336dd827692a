using Microsoft.Playwright;

namespace Lapor.Host.Tests.Layout;

/// <summary>
/// Asks the browser what a person would see go wrong at the current width: the document wider than the window
/// (a sideways scroll) and the elements that stick out, a top bar whose items run onto a second row, and buttons
/// (or links and labels styled as buttons) whose text breaks onto a second line.
/// </summary>
public static class LayoutProbe
{
    // Lines of a button are counted from the boxes of its text (Range.getClientRects): a box that starts below the
    // bottom of the line before it starts a new line, so an icon or badge beside the text is not a second line.
    private const string Script = """
        () => {
          const problems = [];
          const root = document.documentElement;
          const width = root.clientWidth;
          const visible = el => {
            const r = el.getBoundingClientRect();
            const s = getComputedStyle(el);
            return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
          };
          const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
            (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).slice(0, 3).join('.') : '');
          if (root.scrollWidth > width) {
            // What sticks out and is not inside a box that scrolls or clips it; named outermost first.
            const clipped = el => {
              for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
                if (getComputedStyle(a).overflowX !== 'visible') return true;
              return false;
            };
            const past = [...document.body.querySelectorAll('*')]
              .filter(el => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().right > width + 1);
            const out = new Set(past.filter(el => !clipped(el)));
            // An absolutely placed element escapes a scrolling box that is not its containing block.
            const escaped = past.filter(el => ['absolute', 'fixed'].includes(getComputedStyle(el).position));
            const wide = [...[...out].filter(el => !out.has(el.parentElement)), ...escaped].slice(0, 5).map(name);
            problems.push(`document is ${root.scrollWidth} px wide in ${width} px (sticking out: ${wide.join(', ')})`);
          }
          const toggler = document.querySelector('header .navbar-toggler');
          if (!toggler || !visible(toggler)) {
            const tops = [...document.querySelectorAll('header .navbar-nav > .nav-item')].filter(visible)
              .map(el => el.getBoundingClientRect().top);
            if (tops.length > 0 && Math.max(...tops) - Math.min(...tops) > 8)
              problems.push('the top bar wraps onto a second row');
          }
          for (const el of document.querySelectorAll('.btn, header .nav-link')) {
            if (!visible(el) || !el.textContent.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(el);
            const boxes = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0).sort((a, b) => a.top - b.top);
            let lines = boxes.length > 0 ? 1 : 0;
            let bottom = boxes.length > 0 ? boxes[0].bottom : 0;
            for (const box of boxes.slice(1)) {
              if (box.top >= bottom - 1) { lines++; bottom = box.bottom; } else { bottom = Math.max(bottom, box.bottom); }
            }
            if (lines > 1)
              problems.push(`button "${el.textContent.trim().replace(/\s+/g, ' ').slice(0, 40)}" (${name(el)}) breaks onto ${lines} lines`);
          }
          return problems;
        }
        """;

    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page) => await page.EvaluateAsync<string[]>(Script);
}
