// Package main serves a router that another package builds.
package main

import (
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"

	"example.test/notimeout/served/router"
)

func main() {
	mux := router.New() // want `http.Get has no context.* \(via router.New → router.New.func1\)`
	lambda.Start(httpadapter.New(mux).ProxyWithContext)
}
