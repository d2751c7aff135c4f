// One Content-Security-Policy for the app window and the harness: no remote content, no eval.
// Mantine injects <style> elements at run time, hence 'unsafe-inline' for styles only.
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  // The built-in PDF viewer shows report previews from blob: URLs the app itself made.
  "object-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
