/** Keeps one area's failure inside it: the rest of the page goes on working. */
import { Component, type ReactNode } from 'react';

interface Props {
  /** shown before the error message */
  label: string;
  children: ReactNode;
}

interface State {
  error?: Error;
}

export class AreaBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="area-error" role="alert">
          {this.props.label} {this.state.error.message}
        </div>
      );
    }
    return this.props.children;
  }
}
