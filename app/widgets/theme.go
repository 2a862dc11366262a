package widgets

import "fyne.io/fyne/v2"

// ColorNameSecondary is the colour of text the user reads but that is not
// the form's own (人民币大写 under an amount, 明细合计, a character count,
// column headings, hints, "待填") and of a read-only draft's values: lighter
// than the foreground, and readable. Fyne draws a LowImportance label, and
// a disabled entry's text, in its disabled colour, which is meant for
// controls that cannot be used and is nearly the background (#e3e3e3 on
// white, a contrast of 1.3:1 in the light theme; 1.6:1 in the dark).
//
// Light, it is #6b6b6b: 5.3:1 on the window, 4.8:1 on an input box, against
// 7.3:1 for the foreground (Fyne's placeholder grey #888 has 3.5:1, under
// the 4.5:1 WCAG asks of small text). Dark, it is Fyne's placeholder grey
// (#b2b2b2, 8.5:1, against 16:1 for the foreground).
const ColorNameSecondary fyne.ThemeColorName = "shenbao-secondary"
