/// The script that steps through every graph of a page, as the CS231n slides
/// do: the forward pass one edge at a time, then the backward pass node by
/// node from the output back, one edge at a time, each step in words with
/// "upstream × local = gradient". The steps and their numbers are the list
/// gradbook writes under each graph (`GraphSteps`); the script only shows,
/// hides and highlights, so a page without scripts keeps the whole graph and
/// the list. No framework and no network: it is part of `assets/gradbook.js`.
enum StepperScript {
    static let source = """
        // Steps through each graph: → or n next, ← or p back, Home the start, End every step.
        // A link to #step=ID:N opens example ID at step N.
        (function () {
          "use strict";
          var steppers = {};

          function button(bar, text, name, action) {
            var b = document.createElement("button");
            b.type = "button";
            b.textContent = text;
            b.title = name;
            b.setAttribute("aria-label", name);
            b.addEventListener("click", action);
            bar.appendChild(b);
            return b;
          }

          // What hovering or focusing a node or edge shows: its title, written by gradbook.
          function inspectable(svg, figure) {
            var line = document.createElement("p");
            line.className = "inspect";
            line.setAttribute("aria-live", "polite");
            line.textContent = "Point at or tab to a node or edge for its value, gradient, shape and op.";
            svg.querySelectorAll("g.node, g.edge").forEach(function (g) {
              var title = g.querySelector("title");
              if (!title || !g.id) return;
              g.setAttribute("tabindex", "0");
              var show = function () { line.textContent = title.textContent; };
              g.addEventListener("mouseenter", show);
              g.addEventListener("focus", show);
            });
            return line;
          }

          function stepper(section) {
            var figure = section.querySelector("figure.graph");
            var list = section.querySelector("details.steps");
            var svg = figure && figure.querySelector("svg");
            if (!svg || !list) return null;
            var steps = Array.prototype.map.call(list.querySelectorAll("li[data-edge]"), function (li) {
              var edge = document.getElementById(li.dataset.edge);
              return {
                node: document.getElementById(li.dataset.node), edge: edge, item: li,
                labels: edge ? Array.prototype.slice.call(edge.querySelectorAll("text." + li.dataset.label)) : []
              };
            });
            if (steps.length === 0) return null;
            var at = steps.length, started = false, lit = [];
            var bar = document.createElement("div");
            bar.className = "stepper";
            bar.setAttribute("role", "group");
            bar.setAttribute("aria-label", "step through the forward and backward pass");
            var first = button(bar, "start", "step 0, before the forward pass", function () { go(0); });
            var back = button(bar, "◀ back", "previous step", function () { go(at - 1); });
            var next = button(bar, "next ▶", "next step", function () { go(started ? at + 1 : 1); });
            var all = button(bar, "all", "every step", function () { go(steps.length); });
            var caption = document.createElement("p");
            caption.className = "step-caption";
            caption.setAttribute("aria-live", "polite");
            caption.textContent = "All " + steps.length + " steps shown. next ▶ or → goes through the forward pass, then the backward pass.";
            figure.appendChild(bar);
            figure.appendChild(caption);
            figure.appendChild(inspectable(svg, figure));
            figure.setAttribute("tabindex", "0");
            figure.addEventListener("keydown", function (event) {
              var moves = { ArrowRight: 1, n: 1, ArrowLeft: -1, p: -1 };
              if (event.key in moves) go(moves[event.key] > 0 ? (started ? at + 1 : 1) : at - 1);
              else if (event.key === "Home") go(0);
              else if (event.key === "End") go(steps.length);
              else return;
              event.preventDefault();
            });

            function go(n, quiet) {
              at = Math.max(0, Math.min(steps.length, n));
              started = true;
              lit.forEach(function (element) { element.classList.remove("current"); });
              lit = at > 0 ? [steps[at - 1].node, steps[at - 1].edge].filter(Boolean) : [];
              lit.forEach(function (element) { element.classList.add("current"); });
              steps.forEach(function (step, i) {
                step.labels.forEach(function (text) { text.classList.toggle("pending", i >= at); });
                step.item.classList.toggle("current", i === at - 1);
              });
              caption.textContent = at === 0
                ? "Step 0 of " + steps.length + ": nothing computed yet. next ▶ or → starts the forward pass."
                : "Step " + at + " of " + steps.length + ": " + steps[at - 1].item.textContent;
              first.disabled = back.disabled = at === 0;
              next.disabled = all.disabled = at === steps.length;
              if (!quiet && history.replaceState) history.replaceState(null, "", "#step=" + section.id + ":" + at);
            }
            return { go: go, section: section };
          }

          function follow() {
            var hash = decodeURIComponent(location.hash.slice(1));
            if (hash.indexOf("step=") !== 0) return;
            var colon = hash.lastIndexOf(":");
            var target = steppers[hash.slice(5, colon)], n = parseInt(hash.slice(colon + 1), 10);
            if (!target || isNaN(n)) return;
            target.go(n, true);
            target.section.scrollIntoView();
          }

          document.addEventListener("DOMContentLoaded", function () {
            document.querySelectorAll("section.example").forEach(function (section) {
              var made = stepper(section);
              if (made) steppers[section.id] = made;
            });
            follow();
            window.addEventListener("hashchange", follow);
          });
        })();

        """
}
