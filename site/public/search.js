// Search is the site's only script: Pagefind's interface over the index built with the site. Each
// interface language has its own index (its bundle is named on the #search element), so the English
// page shows English filters and links to English pages; Pagefind words its interface by <html lang>.
window.addEventListener('DOMContentLoaded', function () {
  var box = document.getElementById('search')
  // eslint-disable-next-line no-undef
  new PagefindUI({
    element: '#search',
    bundlePath: box.getAttribute('data-bundle'),
    // An organisation's search: every servant's section has an index of its own, read as one.
    mergeIndex: JSON.parse(box.getAttribute('data-merge') || '[]'),
    // Indexed URLs are from the section's root (/en/agenda/…), not from the bundle's folder.
    baseUrl: box.getAttribute('data-base'),
    showImages: false,
    showSubResults: false,
    resetStyles: false,
  })
})
