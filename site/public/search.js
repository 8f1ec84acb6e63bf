// Search is the site's only script: Pagefind's interface over the index built with the site. Each
// interface language has its own index (its bundle is named on the #search element), so the English
// page shows English filters and links to English pages; Pagefind words its interface by <html lang>.
window.addEventListener('DOMContentLoaded', function () {
  var box = document.getElementById('search')
  // eslint-disable-next-line no-undef
  new PagefindUI({
    element: '#search',
    bundlePath: box.getAttribute('data-bundle'),
    // Indexed URLs are from the site's root (/en/agenda/…), not from the bundle's folder.
    baseUrl: '/',
    showImages: false,
    showSubResults: false,
    resetStyles: false,
  })
})
