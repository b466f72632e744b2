/** Per-widget error boundary: a failing timeline says what failed and why; the article keeps working. */
import { Component, type ErrorInfo, type ReactNode } from 'react';

export function TimelineError({ title, message }: { title: string; message: string }) {
  return (
    <figure className="tl tl--error">
      <div role="alert" className="tl-alert">
        <strong>{title}</strong>
        <p>{message}</p>
      </div>
      <figcaption className="tl-visually-hidden">{title}</figcaption>
    </figure>
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error)
    return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}

interface Props {
  scenario: string;
  children: ReactNode;
}

export class TimelineErrorBoundary extends Component<Props, { error: unknown }> {
  state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(`Timeline "${this.props.scenario}" failed`, error, info.componentStack);
  }

  render() {
    if (this.state.error) {
      return (
        <TimelineError
          title={`The timeline for “${this.props.scenario}” could not be drawn.`}
          message={errorMessage(this.state.error)}
        />
      );
    }
    return this.props.children;
  }
}
