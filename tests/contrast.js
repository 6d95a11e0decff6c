(selectors) => {
  const parse = s => (s.match(/[\d.]+/g) || []).map(Number);
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const background = el => { for (; el; el = el.parentElement) { const p = parse(getComputedStyle(el).backgroundColor);
                                                                  if (p.length === 3 || p[3] > 0.9) return p.slice(0, 3); }
                             return [255, 255, 255]; };
  return selectors.map(sel => {
    const el = [...document.querySelectorAll(sel)].find(e => e.offsetParent !== null && e.innerText.trim());
    if (!el) return [sel, null];
    const st = getComputedStyle(el), bg = background(el), fg = parse(st.color);
    const alpha = (fg.length === 4 ? fg[3] : 1) * Number(st.opacity || 1);
    const seen = fg.slice(0, 3).map((v, i) => v * alpha + bg[i] * (1 - alpha));
    const [hi, lo] = [lum(seen), lum(bg)].sort((a, b) => b - a);
    return [sel, (hi + 0.05) / (lo + 0.05)];
  });
}