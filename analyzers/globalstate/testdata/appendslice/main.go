// Package main collects the invites of an account into a package-level
// slice that it then returns: every warm invocation adds to it.
package main

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

type invite struct {
	ID      string `json:"id"`
	Account string `json:"account"`
}

// invites outlives the invocation that fills it.
var invites []invite

// messages is only read by the handler.
var messages = map[int]string{http.StatusOK: "ok", http.StatusBadRequest: "bad request"}

var (
	columnsOnce sync.Once
	columns     []string
)

func loadColumns() {
	columns = []string{"id", "account"} // ok: built once, from constants
}

func lookup(_ context.Context, account string) []invite {
	return []invite{{ID: "i-1", Account: account}}
}

func count(found []invite) int {
	var invites []invite
	invites = append(invites, found...) // ok: a local named like the package-level slice
	return len(invites)
}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	columnsOnce.Do(loadColumns)

	account := req.PathParameters["account"]
	if account == "" {
		return events.APIGatewayProxyResponse{StatusCode: http.StatusBadRequest, Body: messages[http.StatusBadRequest]}, nil
	}
	found := lookup(ctx, account)
	for _, inv := range found {
		invites = append(invites, inv) // want `request data stored in package-level var invites \(the next invocation in this environment sees it\)`
	}
	page := make([]invite, 0, len(found))
	page = append(page, found...) // ok: a slice of this invocation

	body, err := json.Marshal(map[string]any{"columns": columns, "invites": invites, "count": count(page)})
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	return events.APIGatewayProxyResponse{StatusCode: http.StatusOK, Body: string(body)}, nil
}

func main() {
	lambda.Start(handler)
}
