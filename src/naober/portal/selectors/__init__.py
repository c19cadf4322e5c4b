"""The portal's read path (conventions: reads in selectors, taking the viewer): every query applies
`naober.access.rules`, so a page never shows what its reader may not see."""
