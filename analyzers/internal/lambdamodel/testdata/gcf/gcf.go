// Package gcf registers Google Cloud Functions with functions-framework-go.
package gcf

import (
	"context"
	"net/http"

	"github.com/GoogleCloudPlatform/functions-framework-go/funcframework"
	"github.com/GoogleCloudPlatform/functions-framework-go/functions"
	"github.com/cloudevents/sdk-go/v2/event"
)

func init() { // want "init code: init"
	functions.HTTP("Hello", hello)           // want "handler functions.HTTP hello"
	functions.CloudEvent("OnEvent", onEvent) // want "handler functions.CloudEvent onEvent"
}

func hello(w http.ResponseWriter, r *http.Request) {} // want "handler code: hello"

func onEvent(ctx context.Context, e event.Event) error { return nil } // want "handler code: onEvent"

func legacy(w http.ResponseWriter, r *http.Request) {} // want "handler code: legacy"

// Register registers the legacy function under a path.
func Register(ctx context.Context) error {
	return funcframework.RegisterHTTPFunctionContext(ctx, "/legacy", legacy) // want "handler funcframework.RegisterHTTPFunctionContext legacy"
}
