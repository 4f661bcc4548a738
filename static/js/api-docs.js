// Starts Swagger UI (bundled with the portal) on the API's OpenAPI description. A file rather
// than an inline script: the portal's Content Security Policy allows scripts from itself only.
"use strict";
(function () {
  var root = document.getElementById("swagger-ui");
  window.ui = window.SwaggerUIBundle({
    url: root.getAttribute("data-schema-url"),
    domNode: root,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: true,
    tryItOutEnabled: false,
  });
})();
