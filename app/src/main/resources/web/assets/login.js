// Shows why the previous sign-in was refused; the page itself holds no data.
if (new URLSearchParams(location.search).has('failed')) {
  document.getElementById('failed').hidden = false;
}
