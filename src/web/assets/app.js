// bowout's few lines of script: the advice as boxes are ticked, lint as one types, and the
// upload's progress. Every page works without it; nothing here builds HTML from text.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute("content") : "";

  function post(url, params) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "x-csrf-token": csrf, "content-type": "application/x-www-form-urlencoded" },
      body: params
    }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.error || r.statusText); }
        return body;
      });
    });
  }

  function list(parent, items, cls) {
    var ul = document.createElement("ul");
    if (cls) { ul.className = cls; }
    items.forEach(function (text) {
      var li = document.createElement("li");
      li.textContent = text;
      ul.appendChild(li);
    });
    parent.appendChild(ul);
  }

  function heading(parent, text) {
    var h = document.createElement("h3");
    h.textContent = text;
    parent.appendChild(h);
  }

  // The advisor: ask for the advice the ticked boxes would get, record nothing.
  var advisor = document.getElementById("advisor");
  if (advisor) {
    var out = document.getElementById("advice");
    var verdicts = { decline: "Decline", accept: "Accept", "your-call": "Your call" };
    var timer = null;
    var update = function () {
      post(advisor.getAttribute("data-preview"), new URLSearchParams(new FormData(advisor)))
        .then(function (a) {
          out.replaceChildren();
          var p = document.createElement("p");
          p.className = "verdict verdict-" + a.verdict;
          p.textContent = "Advice: " + (verdicts[a.verdict] || a.verdict);
          out.appendChild(p);
          if (a.reasons.length) { heading(out, "Reasons"); list(out, a.reasons); }
          if (a.cautions.length) { heading(out, "Cautions"); list(out, a.cautions); }
          if (a.questions.length) { heading(out, "Questions to ask"); list(out, a.questions); }
        })
        .catch(function (e) {
          out.replaceChildren();
          var p = document.createElement("p");
          p.className = "error";
          p.textContent = e.message;
          out.appendChild(p);
        });
    };
    advisor.addEventListener("change", update);
    advisor.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 300);
    });
  }

  // Drafts: lint each as it is typed.
  document.querySelectorAll("textarea[data-lint]").forEach(function (area) {
    var target = document.getElementById(area.getAttribute("data-findings"));
    var timer = null;
    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        post(area.getAttribute("data-lint"), new URLSearchParams({ body: area.value }))
          .then(function (findings) {
            target.replaceChildren();
            if (!findings.length) {
              var ok = document.createElement("p");
              ok.className = "ok";
              ok.textContent = "The linter found nothing to change.";
              target.appendChild(ok);
              return;
            }
            list(target, findings.map(function (f) {
              return f.severity + ": " + f.message + " (" + f.rule + ")";
            }), "findings");
          })
          .catch(function () {});
      }, 250);
    });
  });

  // Uploads: show how much went up.
  document.querySelectorAll("form[data-progress]").forEach(function (form) {
    var bar = document.getElementById(form.getAttribute("data-progress"));
    var status = document.getElementById(form.getAttribute("data-progress") + "-status");
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.getAttribute("action"));
      xhr.setRequestHeader("x-csrf-token", csrf);
      bar.hidden = false;
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          bar.value = Math.round((e.loaded / e.total) * 100);
          status.textContent = "Uploaded " + bar.value + "%";
        }
      });
      xhr.upload.addEventListener("load", function () {
        status.textContent = "Uploaded; reading the mail…";
      });
      xhr.addEventListener("load", function () {
        if (xhr.status < 400) {
          window.location.assign(xhr.responseURL);
        } else {
          var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
          var msg = doc.querySelector(".error");
          status.textContent = "The upload failed: " + (msg ? msg.textContent : xhr.statusText);
        }
      });
      xhr.addEventListener("error", function () {
        status.textContent = "The upload failed: the server could not be reached.";
      });
      xhr.send(new FormData(form));
    });
  });
})();
