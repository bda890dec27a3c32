import type { ReactNode } from 'react';
import '@mentara/meetings/styles.css';
import './globals.css';

export const metadata = {
  title: 'Mentara Meetings — Next.js example',
  description: 'A peer-to-peer meeting room rendered with @mentara/meetings.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
