/**
 * `NEXT_PUBLIC_API_URL` (deployment guide): the meeting server's API, e.g. `http://127.0.0.1:3000/api`
 * for the quickstart. `/api/meetings/*` (the ICE config) is proxied to it so the browser fetches it
 * same-origin; the socket connects to the server directly over WebSocket.
 */
const apiUrl = (process.env.NEXT_PUBLIC_API_URL ?? 'http://127.0.0.1:3000/api').replace(/\/+$/, '');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  async rewrites() {
    return [{ source: '/api/meetings/:path*', destination: `${apiUrl}/meetings/:path*` }];
  },
};

export default nextConfig;
