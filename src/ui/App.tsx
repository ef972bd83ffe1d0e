export function App() {
  return (
    <main>
      <h1>Servicescope</h1>
      <p>The simulation engine runs from the command line; the visualiser comes next.</p>
    </main>
  );
}
