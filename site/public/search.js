// Search is the site's only script: Pagefind's interface over the index built with the site.
// The index holds the Dutch pages; on the English interface results link to their /en/ twins.
window.addEventListener('DOMContentLoaded', function () {
  var english = document.documentElement.lang.indexOf('en') === 0
  var localise = function (url) { return english && url.indexOf('/') === 0 ? '/en' + url : url }
  // eslint-disable-next-line no-undef
  new PagefindUI({
    element: '#search',
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    processResult: function (result) {
      result.url = localise(result.url)
      ;(result.sub_results || []).forEach(function (sub) { sub.url = localise(sub.url) })
      return result
    },
  })
})
