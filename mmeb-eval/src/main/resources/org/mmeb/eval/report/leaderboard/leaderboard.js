"use strict";
// Header click sorts the table's model rows; each model row carries its breakdown row along.
// Numbers sort descending first, text ascending; a missing score always sorts last.
function cellKey(row, index, type) {
  var cell = row.cells[index];
  if (type !== "number") {
    return cell.textContent;
  }
  var value = cell.getAttribute("data-value");
  return value === "" ? null : parseFloat(value);
}

function sortBoard(table, th, index) {
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var type = th.getAttribute("data-type");
  var current = th.getAttribute("aria-sort");
  var descending = current ? current === "ascending" : type === "number";
  var body = table.tBodies[0];
  var rows = Array.prototype.filter.call(body.rows, function (r) {
    return r.classList.contains("model");
  });
  rows.sort(function (a, b) {
    var x = cellKey(a, index, type);
    var y = cellKey(b, index, type);
    if (x === null || y === null) {
      return (x === null) - (y === null);
    }
    var order = type === "number" ? x - y : x.localeCompare(y);
    return descending ? -order : order;
  });
  rows.forEach(function (r) {
    var detail = r.nextElementSibling;
    body.appendChild(r);
    body.appendChild(detail);
  });
  headers.forEach(function (h) {
    h.removeAttribute("aria-sort");
  });
  th.setAttribute("aria-sort", descending ? "descending" : "ascending");
}

document.querySelectorAll("table.board").forEach(function (table) {
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
    th.addEventListener("click", function () {
      sortBoard(table, th, index);
    });
    th.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        sortBoard(table, th, index);
      }
    });
  });
  table.querySelectorAll("button.expand").forEach(function (button) {
    button.addEventListener("click", function () {
      var detail = document.getElementById(button.getAttribute("aria-controls"));
      var open = button.getAttribute("aria-expanded") === "true";
      button.setAttribute("aria-expanded", String(!open));
      detail.hidden = open;
    });
  });
});
