/*
 * "Copy link" buttons: copy the canonical address of the page they point to.
 * Without JavaScript (or a clipboard) each stays a plain link to that page.
 * One listener on the document, in the capture phase, so that it runs before
 * Material's instant navigation and survives it.
 */
(() => {
  const status = document.createElement("span")
  status.className = "visually-hidden"
  status.setAttribute("role", "status")

  function canonical(link) {
    const base = document.querySelector('link[rel="canonical"]')
    const url = new URL(link.getAttribute("href"), base ? base.href : location.href)
    url.hash = ""
    return url.href
  }

  document.addEventListener("click", async event => {
    const link = event.target instanceof Element && event.target.closest("a.copy-link")
    if (!link || !navigator.clipboard || event.metaKey || event.ctrlKey || event.shiftKey) return
    event.preventDefault()
    event.stopPropagation()
    const label = link.dataset.label || link.textContent
    link.dataset.label = label
    try {
      await navigator.clipboard.writeText(canonical(link))
      link.textContent = "Link copied"
      status.textContent = "Link copied to the clipboard"
    } catch {
      link.textContent = "Copy failed"
      status.textContent = "The link could not be copied"
    }
    if (!status.isConnected) document.body.append(status)
    setTimeout(() => {
      link.textContent = label
      status.textContent = ""
    }, 2000)
  }, true)
})()

/*
 * Print: show each link's full address after it (see the print styles).
 * External links show theirs without JavaScript too.
 */
window.addEventListener("beforeprint", () => {
  const base = document.querySelector('link[rel="canonical"]')
  for (const link of document.querySelectorAll(".md-content a[href]:not(.headerlink)")) {
    const href = link.getAttribute("href")
    if (href.startsWith("#") || href.startsWith("javascript:")) continue
    link.dataset.printUrl = new URL(href, base ? base.href : location.href).href
  }
})
