// Package main serves a gin engine through the adapter.
package main

import (
	"github.com/aws/aws-lambda-go/lambda"
	ginadapter "github.com/awslabs/aws-lambda-go-api-proxy/gin"
	"github.com/gin-gonic/gin"
)

func auth(c *gin.Context) {} // want "handler code: auth"

func list(c *gin.Context) {} // want "handler code: list"

func main() { // want "init code: main"
	r := gin.New()
	r.GET("/items", auth, list) // want "handler route auth" "handler route list"
	lambda.Start(ginadapter.New(r).ProxyWithContext)
}
