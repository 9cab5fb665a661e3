(function () {
  "use strict";
  // Each finding's pieces (a highlight split where it crosses another), in page order.
  var pieces = {};
  var order = [];
  document.querySelectorAll("mark.f").forEach(function (mark) {
    var id = mark.dataset.f;
    if (!pieces[id]) {
      pieces[id] = [];
      order.push(id);
    }
    pieces[id].push(mark);
  });
  var items = {};
  document.querySelectorAll("li.item").forEach(function (item) {
    items[item.dataset.f] = item;
  });
  var detail = document.getElementById("detail");
  var current = -1;

  function shown(id) {
    return !pieces[id][0].classList.contains("off");
  }

  function card(id) {
    var copy = document.getElementById("card-" + id).cloneNode(true);
    copy.removeAttribute("id");
    var slot = copy.querySelector(".ruledoc");
    var doc = document.getElementById("doc-" + slot.dataset.code);
    if (doc) {
      var docCopy = doc.cloneNode(true);
      docCopy.removeAttribute("id");
      slot.appendChild(docCopy);
    }
    return copy;
  }

  function show(ids) {
    detail.textContent = "";
    var close = document.createElement("button");
    close.className = "close";
    close.type = "button";
    close.title = "Close (Esc)";
    close.textContent = "\u00d7";
    close.addEventListener("click", hide);
    detail.appendChild(close);
    ids.forEach(function (id) {
      detail.appendChild(card(id));
    });
    detail.hidden = false;
  }

  function hide() {
    detail.hidden = true;
  }

  function select(id) {
    document.querySelectorAll(".current").forEach(function (element) {
      element.classList.remove("current");
    });
    pieces[id].forEach(function (mark) {
      mark.classList.add("current");
    });
    if (items[id]) {
      items[id].classList.add("current");
      items[id].scrollIntoView({ block: "nearest" });
    }
    current = order.indexOf(id);
  }

  function go(id) {
    if (!pieces[id]) {
      return;
    }
    select(id);
    pieces[id][0].scrollIntoView({ block: "center" });
    show([id]);
  }

  function step(by) {
    var count = order.length;
    for (var i = 1; i <= count; i++) {
      var next = (((current < 0 && by < 0 ? 0 : current) + by * i) % count + count) % count;
      if (shown(order[next])) {
        go(order[next]);
        return;
      }
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-f]");
    if (link) {
      event.preventDefault();
      go(link.dataset.f);
      return;
    }
    // Every finding highlighted where the click landed, innermost first.
    var ids = [];
    for (var node = event.target.closest("mark.f"); node; node = node.parentElement.closest("mark.f")) {
      if (shown(node.dataset.f) && ids.indexOf(node.dataset.f) < 0) {
        ids.push(node.dataset.f);
      }
    }
    if (ids.length) {
      select(ids[0]);
      show(ids);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var key = event.key;
    if (key === "j" || key === "n") {
      step(1);
    } else if (key === "k" || key === "p") {
      step(-1);
    } else if (key === "Escape") {
      hide();
    } else {
      return;
    }
    event.preventDefault();
  });

  var severityBoxes = document.querySelectorAll("input[data-sev]");
  var ruleBoxes = document.querySelectorAll("input[data-rule]");

  function checked(boxes, key) {
    var on = {};
    boxes.forEach(function (box) {
      on[box.dataset[key]] = box.checked;
    });
    return on;
  }

  function filter() {
    var severities = checked(severityBoxes, "sev");
    var rules = checked(ruleBoxes, "rule");
    Object.keys(items).forEach(function (id) {
      var item = items[id];
      var on = severities[item.dataset.sev] !== false && rules[item.dataset.code] !== false;
      item.hidden = !on;
      (pieces[id] || []).forEach(function (mark) {
        mark.classList.toggle("off", !on);
      });
    });
    document.querySelectorAll("section.group").forEach(function (group) {
      group.hidden = !group.querySelector("li.item:not([hidden])");
    });
    if (current >= 0 && !shown(order[current])) {
      hide();
    }
  }

  severityBoxes.forEach(function (box) {
    box.addEventListener("change", filter);
  });
  ruleBoxes.forEach(function (box) {
    box.addEventListener("change", filter);
  });

  var sourcing = document.getElementById("sourcing");
  if (sourcing) {
    sourcing.addEventListener("change", function () {
      document.body.classList.toggle("sourcing", sourcing.checked);
    });
  }
})();
