/**
 * `NEXT_PUBLIC_API_URL` (deployment guide): the meeting server's API, e.g. `http://127.0.0.1:3000/api`
 * for the quickstart. `/api/*` (the ICE config, and the quickstart's demo endpoints that create a
 * meeting and mint a token) is proxied to it so the browser calls it same-origin; the socket connects
 * to the server directly over WebSocket.
 */
const apiUrl = (process.env.NEXT_PUBLIC_API_URL ?? 'http://127.0.0.1:3000/api').replace(/\/+$/, '');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  async rewrites() {
    return [{ source: '/api/:path*', destination: `${apiUrl}/:path*` }];
  },
};

export default nextConfig;
