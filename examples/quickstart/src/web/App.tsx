import { LandingPage } from './LandingPage';
import { MeetingPage } from './MeetingPage';
import { useRoute } from './router';

/** The quickstart app: `/` creates a meeting, `/meeting/:meetingId` joins one. */
export function App() {
  const route = useRoute();
  switch (route.page) {
    case 'home':
      return <LandingPage />;
    case 'meeting':
      // Keyed so that moving to another meeting starts from a fresh pre-join and client.
      return <MeetingPage key={route.meetingId} meetingId={route.meetingId} />;
    case 'not-found':
      return (
        <div className="mm-root qs-shell">
          <main className="qs-page">
            <h1>Page not found</h1>
            <p>
              <a href="/" className="qs-button qs-primary">
                Create a meeting
              </a>
            </p>
          </main>
        </div>
      );
  }
}
