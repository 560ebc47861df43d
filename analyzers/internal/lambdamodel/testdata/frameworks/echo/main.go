// Package main serves an echo router through the adapter.
package main

import (
	"github.com/aws/aws-lambda-go/lambda"
	echoadapter "github.com/awslabs/aws-lambda-go-api-proxy/echo"
	"github.com/labstack/echo/v4"
)

func list(c echo.Context) error { return nil } // want "handler code: list"

func main() { // want "init code: main"
	e := echo.New()
	e.GET("/items", list) // want "handler route list"
	lambda.Start(echoadapter.New(e).ProxyWithContext)
}
